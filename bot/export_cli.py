"""`python -m bot export --format xlsx|csv --out PATH`: the follow-up export from the shell."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.domain.export import write_csv, write_xlsx
from bot.errors import StartupError
from bot.settings import Settings
from storage.export import export_sheets


def _configure(parser: argparse.ArgumentParser) -> None:
    """Add the export command's options."""
    parser.add_argument(
        "--format",
        choices=("xlsx", "csv"),
        default="xlsx",
        help=(
            "xlsx: one Excel workbook; csv: one UTF-8 CSV file per sheet in a directory, "
            "with ';' and a decimal comma when the language is Swedish (',' and '.' in English)"
        ),
    )
    parser.add_argument(
        "--out",
        required=True,
        type=Path,
        help="the workbook to write (xlsx), or the directory to write the files in (csv)",
    )


def run_export(args: argparse.Namespace, settings: Settings) -> int:
    """Write the export of the whole register to the path given."""
    from bot.runtime import start_context

    out: Path = args.out
    if args.format == "xlsx" and out.is_dir():
        raise StartupError(f"--out {out} is a directory; give a file name such as export.xlsx")
    if args.format == "csv" and out.exists() and not out.is_dir():
        raise StartupError(f"--out {out} is a file; give a directory for the CSV files")
    bot = start_context(settings)
    try:
        with bot.db.reading() as session:
            sheets = export_sheets(session, bot.config, bot.texts, bot.clock.now())
            if args.format == "xlsx":
                out.parent.mkdir(parents=True, exist_ok=True)
                with out.open("wb") as handle:
                    write_xlsx(sheets, handle)
                written = [out]
            else:
                written = write_csv(sheets, out, bot.texts.language)
    except OSError as exc:
        raise StartupError(f"--out {out}: cannot be written ({exc.strerror})") from None
    finally:
        bot.db.dispose()
    for path in written:
        sys.stdout.write(f"{path}\n")
    return 0


EXPORT = (_configure, run_export)

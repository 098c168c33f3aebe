"""The `foramen` command line."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated

import typer

from .io import InputReadError, decode_report, read_input_bytes

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="foramen: cervical foraminal stenosis and management-changing findings from spine "
    "imaging reports. Decision support only.",
)

DEFAULT_SAMPLES = Path(__file__).resolve().parent.parent / "annotated_samples"


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"foramen: error: {message}", err=True)
    raise typer.Exit(code)


@app.command()
def extract(
    file: Annotated[str, typer.Argument(help="Report text file, or - for standard input.")] = "-",
    id: Annotated[str | None, typer.Option("--id", help="Report id to put in the result.")] = None,
    clinical: Annotated[
        Path | None,
        typer.Option("--clinical", help="ClinicalContext JSON file: refines the pathway (R0-R10)."),
    ] = None,
    compact: Annotated[bool, typer.Option(help="One-line JSON.")] = False,
) -> None:
    """Extract one report and print its ReportResult as JSON."""
    from pydantic import ValidationError

    from .clinical import ClinicalContext
    from .extractor import Extractor, InputError

    context = None
    if clinical is not None:
        try:
            context = ClinicalContext.model_validate_json(clinical.read_bytes())
        except OSError as exc:
            _fail(f"cannot read {clinical.name}: {exc.strerror}")
        except ValidationError as exc:
            fields = ", ".join(".".join(map(str, e["loc"])) or "(root)" for e in exc.errors())
            _fail(f"invalid clinical context in {clinical.name}: {fields}")

    try:
        text = decode_report(read_input_bytes(file))
    except InputReadError as exc:
        _fail(str(exc))
    if not text.strip():
        _fail("input is empty")
    try:
        result = Extractor().extract(text, id=id, clinical=context)
    except InputError as exc:
        _fail(str(exc))
    typer.echo(result.model_dump_json(indent=None if compact else 2))


@app.command()
def evaluate(
    path: Annotated[
        Path | None, typer.Argument(help="Gold JSONL file or folder (default: annotated_samples/).")
    ] = None,
    errors: Annotated[bool, typer.Option("--errors", help="List every wrong report.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Score the extractor against gold annotations (one block per file)."""
    from .evaluate import format_errors, format_scores, load_gold, score
    from .extractor import Extractor

    target = path or DEFAULT_SAMPLES
    if not target.exists():
        _fail(f"no such file or folder: {target.name}")
    files = sorted(target.glob("*.jsonl")) if target.is_dir() else [target]
    if not files:
        _fail("no .jsonl gold files found")
    ex = Extractor()
    out: dict[str, object] = {}
    for file in files:
        try:
            records = load_gold(file)
        except ValueError as exc:
            _fail(str(exc))
        scores, errs = score(records, ex)
        if as_json:
            out[file.stem] = {
                "scores": scores.as_dict(),
                "errors": [e.as_dict() for e in errs] if errors else None,
            }
        else:
            typer.echo(format_scores(file.stem, scores))
            if errors and errs:
                typer.echo(format_errors(errs))
            typer.echo("")
    if as_json:
        typer.echo(json.dumps(out, indent=2))


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.", min=0, max=65535)] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes (one pipeline each).", min=1)] = 1,
) -> None:
    """Run the HTTP service and web page (settings: FORAMEN_* environment variables)."""
    from pydantic import ValidationError

    try:
        import uvicorn

        from api.logging_config import uvicorn_log_config
        from api.settings import Settings
    except ImportError as exc:
        _fail(f"the HTTP service is not installed ({exc.name} missing)")
    try:
        settings = Settings()
    except ValidationError as exc:
        fields = ", ".join("FORAMEN_" + ".".join(map(str, e["loc"])).upper() for e in exc.errors())
        _fail(f"invalid settings: {fields}")
    uvicorn.run(
        "api.main:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        access_log=False,  # the service writes its own access line, without query or body
        log_config=uvicorn_log_config(settings.log_level),
        server_header=False,
    )


@app.command()
def batch(
    input: Annotated[
        str,
        typer.Argument(
            help="JSONL, CSV or Parquet file, a folder of .txt files, or - for JSONL on stdin."
        ),
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Output file.")],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="jsonl | csv | parquet | fhir (default: from the output suffix, else jsonl).",
        ),
    ] = None,
    id_col: Annotated[str, typer.Option("--id-col", help="Id column or field.")] = "id",
    text_col: Annotated[str, typer.Option("--text-col", help="Text column or field.")] = "text",
    workers: Annotated[int, typer.Option("--workers", help="Worker processes.")] = 1,
    resume: Annotated[
        bool, typer.Option("--resume", help="Finish an interrupted run from its journal.")
    ] = False,
) -> None:
    """Extract many reports: one output row per input row, in input order."""
    from .batch.readers import BatchInputError
    from .batch.runner import BatchError, run_batch

    try:
        summary = run_batch(
            input,
            output,
            fmt=fmt,
            id_col=id_col,
            text_col=text_col,
            workers=workers,
            resume=resume,
        )
    except BatchInputError as exc:
        _fail(str(exc))
    except BatchError as exc:
        _fail(str(exc), code=1)
    typer.echo(summary.note or summary.line(), err=True)


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("foramen: interrupted", err=True)
        sys.exit(130)

"""docs/configuration.md lists every environment variable the settings read, and no others."""

import ast
import re
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
SETTINGS_DIR = BASE_DIR / "portal" / "settings"
CONFIGURATION = BASE_DIR / "docs" / "configuration.md"

ENV_HELPERS = {"env_str", "env_bool", "env_int", "env_list"}
# Documented in the table although read outside portal/settings (by Django itself).
READ_ELSEWHERE = {"DJANGO_SETTINGS_MODULE"}
TABLE_ROW = re.compile(r"^\| `([A-Z][A-Z0-9_]*)` \|", re.MULTILINE)


def _called_name(call):
    function = call.func
    if isinstance(function, ast.Name):
        return function.id
    if isinstance(function, ast.Attribute):
        return function.attr
    return None


def _is_os_environ(node):
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "environ"
        and isinstance(node.value, ast.Name)
        and node.value.id == "os"
    )


def variables_read_in_settings():
    """{variable: [where]} for every env_* helper call and os.environ/os.getenv read.

    A read whose variable name is not a string literal is reported as an error, since the
    docs could not be checked against it.
    """
    found = {}
    for path in sorted(SETTINGS_DIR.glob("*.py")):
        if path.name == "env.py":  # the helpers themselves read a parameter
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            argument = None
            if isinstance(node, ast.Call):
                name = _called_name(node)
                reads = name in ENV_HELPERS or name == "getenv"
                reads |= name in {"get", "setdefault", "pop"} and _is_os_environ(
                    getattr(node.func, "value", None)
                )
                if not reads or not node.args:
                    continue
                argument = node.args[0]
            elif isinstance(node, ast.Subscript) and _is_os_environ(node.value):
                argument = node.slice
            else:
                continue
            where = f"{path.relative_to(BASE_DIR)}:{node.lineno}"
            if not (isinstance(argument, ast.Constant) and isinstance(argument.value, str)):
                raise AssertionError(f"{where} reads an environment variable by a computed name")
            found.setdefault(argument.value, []).append(where)
    return found


def documented_variables():
    return TABLE_ROW.findall(CONFIGURATION.read_text(encoding="utf-8"))


def test_the_parser_finds_the_settings_variables():
    """Guards the test below against a parser that silently finds nothing."""
    found = variables_read_in_settings()
    assert len(found) >= 40
    for name in ("SECRET_KEY", "DATABASE_URL", "AWS_STORAGE_BUCKET_NAME", "REDIS_URL"):
        assert name in found
    assert "ELASTICSEARCH_VERSION" in found  # read inside a string concatenation


def test_every_variable_read_in_settings_is_documented():
    missing = {
        name: where
        for name, where in variables_read_in_settings().items()
        if name not in documented_variables()
    }
    assert not missing, (
        "Add these environment variables to the table in docs/configuration.md "
        f"(default and meaning): {missing}"
    )


def test_the_table_documents_no_variable_the_settings_do_not_read():
    stale = set(documented_variables()) - set(variables_read_in_settings()) - READ_ELSEWHERE
    assert not stale, f"docs/configuration.md documents variables nothing reads: {stale}"


def test_each_variable_has_one_row():
    rows = documented_variables()
    assert len(rows) == len(set(rows)), "a variable appears twice in docs/configuration.md"

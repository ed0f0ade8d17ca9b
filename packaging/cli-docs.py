#!/usr/bin/python3
"""Writes the man page and the bash completion of newscoder-cli from the
binary's own help (`newscoder-cli --help` and `newscoder-cli COMMAND --help`),
so that every subcommand and option is documented and completed, never stale.

    cli-docs.py --cli PATH --man-template newscoder-cli.1.in --man OUT.1 --completion OUT

The template is a troff page with @PROJECT_VERSION@, @NEWSCODER_RELEASE_DATE@ and @COMMANDS@; the
commands become one .SS section each: synopsis, description, options."""

import argparse
import re
import subprocess
import sys

# Qt's generic help options: documented once in the template, not per command.
GENERIC_OPTIONS = {"-h, --help", "--help-all", "--help"}


def run_help(cli, *args):
    result = subprocess.run([cli, *args, "--help"], capture_output=True, text=True,
                            env={"LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin"})
    if result.returncode != 0:
        sys.exit(f"cli-docs: '{cli} {' '.join(args)} --help' failed ({result.returncode}): {result.stderr}")
    return result.stdout


def parse_commands(top_help):
    """[(name, summary)] from the Commands: section of `newscoder-cli --help`."""
    commands, inside = [], False
    for line in top_help.splitlines():
        if line.startswith("Commands:"):
            inside = True
        elif inside and re.match(r"^  [a-z]", line):
            name, _, rest = line.strip().partition(" ")
            commands.append((name, rest.strip()))
        elif inside and not line.strip() and commands:
            break
    if not commands:
        sys.exit("cli-docs: no commands found in newscoder-cli --help")
    return commands


def parse_entries(lines):
    """Two-column help lines ("  --opt <V>   text" and indented continuations)."""
    entries = []
    for line in lines:
        match = re.match(r"^  (\S.*?)(?:\s{2,}(\S.*))?$", line)
        if match and not line.startswith("    "):
            entries.append([match.group(1).strip(), match.group(2) or ""])
        elif line.strip() and entries:
            entries[-1][1] = (entries[-1][1] + " " + line.strip()).strip()
    return entries


def parse_command_help(text):
    """(usage tail, description paragraphs, options, arguments, notes) of one command."""
    sections = {"usage": [], "description": [], "Options:": [], "Arguments:": [], "notes": []}
    current = "usage"
    for line in text.splitlines():
        if line in ("Options:", "Arguments:"):
            current = line
        elif current == "usage" and (line.startswith("Usage:") or line.startswith("       newscoder-cli")):
            sections["usage"].append(line)
        elif current == "usage":
            current = "description"
            sections[current].append(line)
        elif current in ("Options:", "Arguments:") and line and not line.startswith("  "):
            current = "notes"
            sections[current].append(line)
        else:
            sections[current].append(line)
    return sections


def synopsis(command, usage_lines):
    """`newscoder-cli COMMAND …` lines, whatever path the help was run from."""
    result = []
    for line in usage_lines:
        tail = re.sub(r"^(Usage:)?\s*\S*newscoder-cli(\s+" + re.escape(command) + r")?\s*", "", line)
        result.append(f"newscoder-cli {command} {tail}".strip())
    return result


def paragraphs(lines):
    text, result = [], []
    for line in lines + [""]:
        if line.strip():
            text.append(line.strip())
        elif text:
            result.append(" ".join(text))
            text = []
    return result


def troff(text):
    """Escapes plain text for a troff line (backslash, hyphen-minus, leading dot/quote)."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\\&" + text if text[:1] in (".", "'") else text


def man_commands(cli, commands):
    out = []
    for name, _summary in commands:
        help_text = parse_command_help(run_help(cli, name))
        out.append(f".SS {troff(name)}")
        for line in synopsis(name, help_text["usage"]):
            out += [".nf", ".B " + troff(line), ".fi"]
        for paragraph in paragraphs(help_text["description"]):
            out += [".PP", troff(paragraph)]
        for title in ("Arguments:", "Options:"):
            entries = [e for e in parse_entries(help_text[title]) if e[0] not in GENERIC_OPTIONS]
            if not entries:
                continue
            out += [".PP", ".I " + title[:-1]]
            for term, description in entries:
                out += [".TP", ".B " + troff(term), troff(description or "(no description)")]
        for paragraph in paragraphs(help_text["notes"]):
            out += [".PP", troff(paragraph)]
    return "\n".join(out)


def command_options(cli, name):
    """(every option, the options that take a value) of one command."""
    options, valued = set(), set()
    for term, _ in parse_entries(parse_command_help(run_help(cli, name))["Options:"]):
        names = re.findall(r"(?<![\w-])(--?[A-Za-z][\w-]*)", term)
        options.update(names)
        if re.search(r"<[^>]+>|\s[A-Z][A-Z0-9:,.]*$", term):
            valued.update(names)
    return sorted(options), sorted(valued)


def completion(cli, commands):
    cases = []
    for name, _ in commands:
        options, valued = command_options(cli, name)
        cases.append(f"        {name}) opts='{' '.join(options)}'; valued='{' '.join(valued)}' ;;")
    names = " ".join(name for name, _ in commands)
    return COMPLETION_TEMPLATE.replace("@COMMANDS@", names).replace("@CASES@", "\n".join(cases))


COMPLETION_TEMPLATE = r"""# bash completion for newscoder-cli (generated from its --help by packaging/cli-docs.py)
_newscoder_cli()
{
    local cur prev words cword
    _init_completion || return

    if [[ $cword -eq 1 ]]; then
        COMPREPLY=($(compgen -W '@COMMANDS@ --help --version' -- "$cur"))
        return
    fi

    local opts='' valued=''
    case ${words[1]} in
@CASES@
        *) return ;;
    esac

    case $prev in
        --out | --units-csv | --codebook | --codebook-document)
            _filedir
            return
            ;;
        --format)
            COMPREPLY=($(compgen -W 'csv tsv xlsx jsonl sav dta' -- "$cur"))
            return
            ;;
        --table)
            COMPREPLY=($(compgen -W 'segments articles links nodes edges actors outlets codebook' -- "$cur"))
            return
            ;;
        --measure)
            COMPREPLY=($(compgen -W 'percent cohen weighted-cohen scott fleiss bennett randolph gwet alpha' -- "$cur"))
            return
            ;;
        --level)
            COMPREPLY=($(compgen -W 'nominal ordinal interval ratio' -- "$cur"))
            return
            ;;
        --weights)
            COMPREPLY=($(compgen -W 'linear quadratic' -- "$cur"))
            return
            ;;
        --status)
            COMPREPLY=($(compgen -W 'coded suggested needs-review' -- "$cur"))
            return
            ;;
    esac
    # any other option's value (an id, a name, a number): nothing to offer
    [[ " $valued " == *" $prev "* ]] && return

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    elif [[ ${words[1]} == reliability ]]; then
        _filedir csv
    elif [[ $cword -eq 2 ]]; then
        _filedir newscoder
    else
        _filedir
    fi
} &&
    complete -F _newscoder_cli newscoder-cli
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", required=True)
    parser.add_argument("--man-template", required=True)
    parser.add_argument("--man", required=True)
    parser.add_argument("--completion", required=True)
    parser.add_argument("--version", required=True)
    parser.add_argument("--date", required=True)
    args = parser.parse_args()

    commands = parse_commands(run_help(args.cli))
    with open(args.man_template, encoding="utf-8") as f:
        page = f.read()
    page = page.replace("@PROJECT_VERSION@", args.version).replace("@NEWSCODER_RELEASE_DATE@", args.date)
    page = page.replace("@COMMANDS@", man_commands(args.cli, commands))
    with open(args.man, "w", encoding="utf-8") as f:
        f.write(page)
    with open(args.completion, "w", encoding="utf-8") as f:
        f.write(completion(args.cli, commands))


if __name__ == "__main__":
    main()

/**
 * The completion scripts of `kikitori completion <shell>`. Each only hands the words typed so
 * far to `kikitori __complete -- <words…>` and shows what comes back (complete.ts decides,
 * from the command table): candidates, then what the shell adds itself (files, pack and
 * answers files, folders). Words are passed as separate arguments, never through eval, so
 * file names with spaces or quotes are safe.
 */

export const SHELLS = ["bash", "zsh", "fish"] as const;
export type Shell = (typeof SHELLS)[number];

export function isShell(s: string): s is Shell {
  return (SHELLS as readonly string[]).includes(s);
}

const BASH = String.raw`# bash completion for kikitori (kikitori completion bash)
# Install: kikitori completion bash > ~/.local/share/bash-completion/completions/kikitori
# or add to ~/.bashrc: source <(kikitori completion bash)
_kikitori() {
    local cur words cword
    if declare -F _get_comp_words_by_ref >/dev/null 2>&1; then
        _get_comp_words_by_ref -n =: cur words cword
    else
        # Without bash-completion: put --opt=value back together (bash splits it at "=").
        local i w
        words=()
        for ((i = 0; i <= COMP_CWORD; i++)); do
            w=$\{COMP_WORDS[i]}
            if (($\{#words[@]} > 1)) && [[ $w == "=" || $\{COMP_WORDS[i - 1]} == "=" ]]; then
                words[$\{#words[@]} - 1]+=$w
            else
                words+=("$w")
            fi
        done
        cword=$(($\{#words[@]} - 1))
        cur=$\{words[cword]}
    fi
    local IFS=$'\n' out directive line
    out=$(command kikitori __complete -- "$\{words[@]:1:cword}" 2>/dev/null) || return 0
    directive=$\{out##*:}
    out=$\{out%:*}
    COMPREPLY=()
    for line in $out; do
        COMPREPLY+=("$\{line%%$'\t'*}")
    done
    # bash replaces only what follows "=": complete the value alone.
    if [[ $cur == --*=* ]]; then
        COMPREPLY=("$\{COMPREPLY[@]#"$\{cur%%=*}="}")
        cur=$\{cur#*=}
    fi
    case $directive in
    files | dirs | yaml)
        compopt -o filenames 2>/dev/null
        if declare -F _filedir >/dev/null 2>&1; then
            local before=("$\{COMPREPLY[@]}")
            case $directive in
            files) _filedir ;;
            dirs) _filedir -d ;;
            yaml) _filedir '@(yaml|yml|json)' ;;
            esac
            COMPREPLY=("$\{before[@]}" "$\{COMPREPLY[@]}")
        else
            local f
            for f in $(compgen -f -- "$cur"); do
                case $directive in
                files) COMPREPLY+=("$f") ;;
                dirs) [[ -d $f ]] && COMPREPLY+=("$f") ;;
                yaml) [[ -d $f || $f == *.yaml || $f == *.yml || $f == *.json ]] && COMPREPLY+=("$f") ;;
                esac
            done
        fi
        ;;
    esac
    return 0
}
complete -F _kikitori kikitori
`;

const ZSH = String.raw`#compdef kikitori
# zsh completion for kikitori (kikitori completion zsh)
# Install: kikitori completion zsh > "<a folder in $fpath>/_kikitori" and start a new shell,
# or add to ~/.zshrc after compinit: source <(kikitori completion zsh)
_kikitori() {
    local -a lines values
    local line directive opt ret=1
    lines=("$\{(@f)$(command kikitori __complete -- "$\{(@)words[2,CURRENT]}" 2>/dev/null)}")
    directive=$\{lines[-1]#:}
    # --out=dir, --lang=ja: complete what follows "=".
    if [[ $PREFIX == --*=* ]]; then
        opt=$\{PREFIX%%=*}=
        compset -P '*='
    fi
    for line in "$\{(@)lines[1,-2]}"; do
        line=$\{line#$opt}
        values+=("$\{$\{line%%$'\t'*}//:/\\:}:$\{line#*$'\t'}")
    done
    (( $\{#values} )) && _describe -t values kikitori values && ret=0
    case $directive in
    files) _files && ret=0 ;;
    dirs) _files -/ && ret=0 ;;
    yaml) _files -g '*.(yaml|yml|json)' && ret=0 ;;
    esac
    return ret
}
if [[ "$funcstack[1]" == "_kikitori" ]]; then
    _kikitori "$@"
else
    compdef _kikitori kikitori
fi
`;

const FISH = String.raw`# fish completion for kikitori (kikitori completion fish)
# Install: kikitori completion fish > ~/.config/fish/completions/kikitori.fish
function __kikitori_complete
    set -l words (commandline -opc)
    set -e words[1]
    set -l cur (commandline -ct)
    set -l out (command kikitori __complete -- $words "$cur" 2>/dev/null)
    test (count $out) -gt 0; or return
    set -l directive (string replace -r '^:' '' -- $out[-1])
    set -e out[-1]
    printf '%s\n' $out
    # --out=dir: complete the path after "=", and keep the option in front.
    set -l prefix (string match -r -- '^--[^=]+=' "$cur")
    set -l path (string replace -r -- '^--[^=]+=' '' "$cur")
    set -l found
    switch "$directive"
        case files
            set found (__fish_complete_path "$path")
        case dirs
            set found (__fish_complete_directories "$path")
        case yaml
            for p in (__fish_complete_path "$path")
                string match -qr -- '(/|\.ya?ml|\.json)(\t.*)?$' $p; and set -a found $p
            end
    end
    for p in $found
        printf '%s%s\n' "$prefix" $p
    end
end
complete -c kikitori -f -a '(__kikitori_complete)'
`;

/** The scripts are written with `$\{` for the shell's `${` (a template literal would take it). */
export function shellScript(shell: Shell): string {
  return { bash: BASH, zsh: ZSH, fish: FISH }[shell].replaceAll("$\\{", "${");
}

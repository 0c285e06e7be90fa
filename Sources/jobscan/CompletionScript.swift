import ArgumentParser
import Foundation

/// `jobscan --generate-completion-script SHELL`: ArgumentParser's script, adapted so that a word
/// where a subcommand's name may stand also completes as the default subcommand (`report`) would:
/// files and its options, as `jobscan FILE` is `jobscan report FILE`.
enum CompletionScript {
    /// The shell asked for by `--generate-completion-script [SHELL]` as the first argument.
    static func requestedShell(in arguments: [String]) -> CompletionShell? {
        guard let first = arguments.first else { return nil }
        let flag = "--generate-completion-script"
        if first == flag {
            return arguments.count > 1 ? CompletionShell(rawValue: arguments[1]) : CompletionShell.autodetected()
        }
        guard first.hasPrefix(flag + "=") else { return nil }
        return CompletionShell(rawValue: String(first.dropFirst(flag.count + 1)))
    }

    static func script(for shell: CompletionShell) -> String {
        let script = Jobscan.completionScript(for: shell)
        let root = Jobscan.configuration.commandName ?? "jobscan"
        let report = JobscanCommand.configuration.commandName ?? "report"
        let names = Jobscan.configuration.subcommands.map { command in command.configuration.commandName ?? "" } + ["help"]
        switch shell {
        case .bash:
            // The root offers only subcommand names for a word that is none of them; the default
            // subcommand's completion gets the whole line instead, and the names too for the first word.
            return script.replacingOnce(
                "        # Offer subcommand completions\n        COMPREPLY+=($(compgen -W '\(names.joined(separator: " "))' -- \"${cur}\"))\n",
                with: """
                        # Not a subcommand's name: the default subcommand's completions, over the whole line
                        COMPREPLY=()
                        unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")
                        _\(root)_\(report)
                        if [[ "${COMP_CWORD}" -eq 1 ]]; then
                            COMPREPLY+=($(compgen -W '\(names.joined(separator: " "))' -- "${cur}"))
                        fi

                """)
        case .zsh:
            return script
                .replacingOnce(
                    "        _describe -V subcommand subcommands && ret=0\n",
                    with: "        _describe -V subcommand subcommands && ret=0\n        _\(root)_\(report) && ret=0\n")
                .replacingOnce(
                    "            \"_\(root)_${words[1]}\" && ret=0\n            ;;\n",
                    with: "            \"_\(root)_${words[1]}\" && ret=0\n            ;;\n        *)\n            _\(root)_\(report) && ret=0\n            ;;\n")
        case .fish:
            // Files where the first word may be a subcommand's name or a log file.
            return script + (script.hasSuffix("\n") ? "" : "\n") + "complete -c '\(root)' -n '__\(root)_should_offer_completions_for_positional \"\(root)\" -eq 1' -F\n"
        default:
            return script
        }
    }
}

extension String {
    /// With the first occurrence of `target` replaced; unchanged when there is none.
    fileprivate func replacingOnce(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}

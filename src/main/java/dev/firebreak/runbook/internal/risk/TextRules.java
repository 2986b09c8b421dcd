package dev.firebreak.runbook.internal.risk;

import java.util.List;
import java.util.Map;

/** Text tools that only print unless told to write: sed -i, awk system(), find -delete, tee FILE. */
final class TextRules {

    private TextRules() {}

    static void register(Map<String, CommandRule> rules) {
        rules.put("sed", TextRules::sed);
        for (String awk : new String[] {"awk", "gawk", "mawk", "nawk"}) {
            rules.put(awk, TextRules::awk);
        }
        rules.put("find", TextRules::find);
        rules.put("tee", TextRules::tee);
        rules.put(
                "sort",
                inv -> inv.value("-o", "--output") != null
                        ? Verdict.mutating("sort -o writes a file")
                        : Verdict.readOnly("sort is read-only"));
    }

    private static Verdict sed(Invocation inv) {
        List<String> args = inv.args();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--in-place")) {
                return inPlace();
            }
            if (arg.equals("-e") || arg.equals("-f") || arg.equals("--expression") || arg.equals("--file")) {
                i++;
            } else if (arg.length() > 1 && arg.charAt(0) == '-' && arg.charAt(1) != '-') {
                for (int j = 1; j < arg.length(); j++) {
                    char c = arg.charAt(j);
                    if (c == 'i') {
                        return inPlace();
                    }
                    if (c == 'e' || c == 'f' || c == 'l') {
                        break; // the rest of the cluster is the option's value
                    }
                }
            }
        }
        return Verdict.readOnly("sed without -i only prints");
    }

    private static Verdict inPlace() {
        return Verdict.mutating("sed -i edits files in place");
    }

    private static Verdict awk(Invocation inv) {
        for (String arg : inv.args()) {
            if (arg.contains("system(")) {
                return Verdict.mutating(inv.name() + " system() runs commands (assumed mutating)");
            }
            if (arg.contains("> \"") || arg.contains(">\"") || arg.contains("| \"") || arg.equals("inplace")) {
                return Verdict.mutating(inv.name() + " writes files or pipes to commands");
            }
        }
        return Verdict.readOnly(inv.name() + " is read-only");
    }

    /** find only lists, unless it deletes or runs a command per file (judged like any command). */
    private static Verdict find(Invocation inv) {
        List<String> args = inv.args();
        Verdict verdict = Verdict.readOnly("find is read-only");
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-delete")) {
                verdict = Verdict.max(verdict, Verdict.destructive("find -delete deletes matching files"));
            } else if (arg.startsWith("-fprint") || arg.equals("-fls")) {
                verdict = Verdict.max(verdict, Verdict.mutating("find " + arg + " writes a file"));
            } else if (arg.equals("-exec") || arg.equals("-execdir") || arg.equals("-ok") || arg.equals("-okdir")) {
                int end = i + 1;
                while (end < args.size()
                        && !args.get(end).equals(";")
                        && !args.get(end).equals("+")) {
                    end++;
                }
                Verdict inner = inv.run(args.subList(i + 1, end));
                if (inner != null) {
                    verdict = Verdict.max(verdict, new Verdict(inner.risk(), "find " + arg + ": " + inner.reason()));
                }
                i = end;
            }
        }
        return verdict;
    }

    private static Verdict tee(Invocation inv) {
        for (String arg : inv.args()) {
            if (!arg.startsWith("-") && !Redirect.harmlessTarget(arg)) {
                return Verdict.mutating((inv.has("-a", "--append") ? "tee -a appends to " : "tee writes to ") + arg);
            }
        }
        return Verdict.readOnly("tee without files only prints");
    }
}

package dev.firebreak.runbook.internal.risk;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Every command the classifier knows, by name. Anything absent is unknown, hence mutating. */
final class CommandCatalog {

    /** Commands that only read or print, whatever their arguments (redirections aside). */
    private static final Set<String> READ_ONLY = Vocabulary.of("""
            ls ll cat less more head tail grep egrep fgrep rg ag ack zgrep zcat zless bzcat xzcat jq yq gojq wc
            uniq cut tr rev column nl paste join fold fmt expand tac comm cmp diff basename dirname realpath
            readlink md5sum sha1sum sha256sum sha512sum cksum base64 xxd od hexdump strings file stat du df free
            uptime vmstat iostat mpstat sar pidstat iotop iftop top htop atop btop ps pgrep pidof pstree lsof
            netstat ss dig nslookup host ping ping6 traceroute tracepath mtr arp whois telnet whoami who w last
            id groups uname printenv which whereis type locale nproc lscpu lsmem lsblk blkid lspci lsusb lsmod
            findmnt getent getconf cal seq echo printf sleep true false test [ [[ ]] : pwd cd pushd popd dirs
            tree locate pg_isready nvtop stern kubetail bc expr read exit return break continue shift wait jobs
            set unset shopt alias unalias hash ulimit umask getopts let history clear help man apropos whatis
            tldr export local declare typeset readonly apt-cache pip-audit systemd-analyze systemd-cgtop
            shellcheck yamllint kubeconform kubeval hadolint xmllint promtool yes tput stty logname users
            vcgencmd sensors smartctl pg_controldata lastlog
            """);

    private static final Map<String, CommandRule> RULES = build();

    private CommandCatalog() {}

    private static Map<String, CommandRule> build() {
        Map<String, CommandRule> rules = new HashMap<>();
        for (String name : READ_ONLY) {
            rules.put(name, CommandRule.readOnly());
        }
        ShellWrappers.register(rules);
        FileRules.register(rules);
        TextRules.register(rules);
        SystemRules.register(rules);
        NetworkRules.register(rules);
        ToolchainRules.register(rules);
        KubernetesRules.register(rules);
        ContainerRules.register(rules);
        GitRules.register(rules);
        CloudRules.register(rules);
        HttpRules.register(rules);
        DatabaseRules.register(rules);
        RedisRisk.register(rules);
        return Map.copyOf(rules);
    }

    /** The rule for a command name, or null when the command is unknown. */
    static CommandRule rule(String name) {
        CommandRule rule = RULES.get(name);
        if (rule != null) {
            return rule;
        }
        if (name.startsWith("mkfs.")) {
            return RULES.get("mkfs");
        }
        if (name.startsWith("python")) {
            return RULES.get("python");
        }
        return null;
    }

    static boolean isKnown(String name) {
        return rule(name) != null;
    }
}

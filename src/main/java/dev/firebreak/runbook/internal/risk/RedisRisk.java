package dev.firebreak.runbook.internal.risk;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * redis-cli and redis commands (case-insensitive). Known reads are read-only, commands that drop
 * data are destructive, and everything else (known writes and unknown commands) is mutating.
 */
final class RedisRisk {

    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    private static final Set<String> READS = Vocabulary.of("""
            GET MGET STRLEN GETRANGE SUBSTR LLEN LRANGE LINDEX LPOS HGET HMGET HGETALL HKEYS HVALS HLEN HEXISTS
            HSTRLEN HSCAN HRANDFIELD SCARD SMEMBERS SISMEMBER SMISMEMBER SRANDMEMBER SSCAN SINTER SUNION SDIFF
            SINTERCARD ZRANGE ZREVRANGE ZRANGEBYSCORE ZREVRANGEBYSCORE ZRANGEBYLEX ZREVRANGEBYLEX ZSCORE ZMSCORE
            ZCARD ZCOUNT ZRANK ZREVRANK ZSCAN ZLEXCOUNT ZRANDMEMBER TYPE TTL PTTL EXPIRETIME PEXPIRETIME EXISTS
            PING ECHO INFO SCAN KEYS DBSIZE MONITOR TIME LASTSAVE ROLE DUMP RANDOMKEY BITCOUNT BITPOS GETBIT
            PFCOUNT GEOPOS GEODIST GEOHASH GEOSEARCH GEORADIUS_RO GEORADIUSBYMEMBER_RO XLEN XRANGE XREVRANGE
            XREAD XPENDING XINFO LOLWUT HELLO AUTH SELECT SUBSCRIBE PSUBSCRIBE SSUBSCRIBE UNSUBSCRIBE PUBSUB
            WAIT MULTI EXEC DISCARD WATCH UNWATCH QUIT READONLY READWRITE TOUCH OBJECT COMMAND SORT_RO EVAL_RO
            EVALSHA_RO FCALL_RO
            """);
    private static final Set<String> WRITES = Vocabulary.of("""
            SET SETEX PSETEX SETNX MSET MSETNX GETSET GETEX APPEND INCR INCRBY INCRBYFLOAT DECR DECRBY SETRANGE
            SETBIT HSET HSETNX HMSET HINCRBY HINCRBYFLOAT LPUSH RPUSH LPUSHX RPUSHX LPOP RPOP BLPOP BRPOP LSET
            LINSERT LMOVE BLMOVE RPOPLPUSH BRPOPLPUSH SADD SPOP SMOVE ZADD ZINCRBY ZPOPMIN ZPOPMAX BZPOPMIN
            BZPOPMAX EXPIRE PEXPIRE EXPIREAT PEXPIREAT PERSIST RENAME RENAMENX MOVE COPY RESTORE MIGRATE SWAPDB
            PUBLISH SPUBLISH XADD XGROUP XACK XCLAIM XAUTOCLAIM XSETID PFADD PFMERGE GEOADD SAVE BGSAVE
            BGREWRITEAOF FAILOVER EVAL EVALSHA FCALL SORT SUNIONSTORE SINTERSTORE SDIFFSTORE ZUNIONSTORE
            ZINTERSTORE ZDIFFSTORE ZRANGESTORE BITOP BITFIELD
            """);
    private static final Map<String, String> DESTRUCTIVE = Map.ofEntries(
            Map.entry("DEL", "deletes keys"),
            Map.entry("UNLINK", "deletes keys"),
            Map.entry("GETDEL", "deletes the key"),
            Map.entry("FLUSHALL", "deletes every key in every database"),
            Map.entry("FLUSHDB", "deletes every key in the database"),
            Map.entry("SHUTDOWN", "stops the server"),
            Map.entry("LTRIM", "discards list elements"),
            Map.entry("XTRIM", "discards stream entries"),
            Map.entry("XDEL", "deletes stream entries"),
            Map.entry("HDEL", "deletes hash fields"),
            Map.entry("SREM", "removes set members"),
            Map.entry("ZREM", "removes sorted-set members"),
            Map.entry("LREM", "removes list elements"),
            Map.entry("ZREMRANGEBYSCORE", "removes sorted-set members"),
            Map.entry("ZREMRANGEBYRANK", "removes sorted-set members"),
            Map.entry("ZREMRANGEBYLEX", "removes sorted-set members"));
    /** Subcommands that only read, for container commands such as CONFIG GET or CLIENT LIST. */
    private static final Map<String, Set<String>> SUB_READS = Map.of(
            "CONFIG", Set.of("GET", "HELP"),
            "CLIENT", Set.of("LIST", "INFO", "GETNAME", "ID", "GETREDIR", "TRACKINGINFO", "HELP"),
            "SLOWLOG", Set.of("GET", "LEN", "HELP"),
            "MEMORY", Set.of("USAGE", "STATS", "DOCTOR", "MALLOC-STATS", "HELP"),
            "LATENCY", Set.of("LATEST", "HISTORY", "DOCTOR", "GRAPH", "HISTOGRAM", "HELP"),
            "CLUSTER", Vocabulary.of("""
                            INFO NODES SLOTS SHARDS KEYSLOT COUNTKEYSINSLOT GETKEYSINSLOT MYID LINKS REPLICAS HELP
                            """),
            "ACL", Set.of("LIST", "WHOAMI", "GETUSER", "CAT", "LOG", "USERS", "DRYRUN", "HELP"),
            "MODULE", Set.of("LIST", "HELP"),
            "FUNCTION", Set.of("LIST", "DUMP", "STATS", "HELP"),
            "SCRIPT", Set.of("EXISTS", "HELP"));

    private static final Set<String> CLI_VALUES = Vocabulary.of("""
            -h -p -s -a -u -n -r -i -d -D --user --pass --cacert --cert --key --sni --pattern --count
            --quoted-pattern --memkeys-samples --intrinsic-latency --lru-test --cacertdir --tls-ciphers
            """);
    private static final Set<String> CLI_READ_MODES = Vocabulary.of("""
            --scan --bigkeys --memkeys --hotkeys --latency --latency-history --latency-dist --stat --version -v
            --help --intrinsic-latency
            """);

    private RedisRisk() {}

    static void register(Map<String, CommandRule> rules) {
        rules.put("redis-cli", RedisRisk::cli);
        rules.put("valkey-cli", RedisRisk::cli);
    }

    private static Verdict cli(Invocation inv) {
        if (inv.has("--pipe", "--rdb", "--eval", "--functions-rdb")) {
            return Verdict.mutating(inv.name() + " --pipe/--rdb/--eval writes data or files");
        }
        if (inv.has("--cluster")) {
            String sub = inv.value("--cluster");
            return Set.of("check", "info", "help").contains(sub)
                    ? Verdict.readOnly("redis-cli --cluster " + sub + " is read-only")
                    : Verdict.mutating("redis-cli --cluster " + sub + " changes the cluster");
        }
        List<String> command = inv.positionals(CLI_VALUES);
        if (!command.isEmpty()) {
            return judge(command);
        }
        for (String mode : CLI_READ_MODES) {
            if (inv.has(mode)) {
                return Verdict.readOnly(inv.name() + " " + mode + " only reads");
            }
        }
        Verdict verdict = null;
        for (String body : inv.stdin()) {
            verdict = Verdict.max(verdict, judgeLines(body));
        }
        return verdict != null
                ? verdict
                : Verdict.mutating(inv.name() + " opens an interactive session (assumed mutating)");
    }

    /** Judges redis commands one per line (a heredoc or a redis block); prompts are stripped. */
    static Verdict judgeLines(String text) {
        Verdict worst = null;
        for (String raw : text.split("\n", -1)) {
            String line = raw.strip();
            int prompt = line.indexOf("> ");
            if (prompt > 0
                    && line.substring(0, prompt).indexOf(' ') < 0
                    && line.substring(0, prompt).contains(":")) {
                line = line.substring(prompt + 2).strip(); // 127.0.0.1:6379> GET key
            }
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("//")) {
                continue;
            }
            worst = Verdict.max(worst, judge(List.of(WHITESPACE.split(line))));
        }
        return worst;
    }

    static Verdict judge(List<String> words) {
        String name = words.get(0).toUpperCase(Locale.ROOT);
        String sub = words.size() > 1 ? words.get(1).toUpperCase(Locale.ROOT) : "";
        if (READS.contains(name)) {
            return Verdict.readOnly("redis " + name + " is read-only");
        }
        String loss = DESTRUCTIVE.get(name);
        if (loss != null) {
            return Verdict.destructive("redis " + name + " " + loss);
        }
        Set<String> subReads = SUB_READS.get(name);
        if (subReads != null) {
            if (subReads.contains(sub)) {
                return Verdict.readOnly("redis " + name + " " + sub + " is read-only");
            }
            if (sub.equals("FLUSH") || sub.equals("RESET") && name.equals("CLUSTER") || sub.equals("DELUSER")) {
                return Verdict.destructive("redis " + name + " " + sub + " deletes data");
            }
            return Verdict.mutating("redis " + name + " " + sub + " changes the server");
        }
        if (name.equals("REPLICAOF") || name.equals("SLAVEOF")) {
            // Pointing a primary at another server replaces its whole dataset with the other's.
            return sub.equals("NO")
                    ? Verdict.mutating("redis " + name + " NO ONE promotes a replica")
                    : Verdict.destructive("redis " + name + " replaces this server's data with the primary's");
        }
        if (name.equals("DEBUG")) {
            return Set.of("SEGFAULT", "RELOAD", "FLUSHALL").contains(sub)
                    ? Verdict.destructive("redis DEBUG " + sub + " crashes or reloads the server")
                    : Verdict.mutating("redis DEBUG " + sub + " changes the server");
        }
        return WRITES.contains(name)
                ? Verdict.mutating("redis " + name + " writes data")
                : Verdict.mutating("unknown redis command '" + name + "' (assumed mutating)");
    }
}

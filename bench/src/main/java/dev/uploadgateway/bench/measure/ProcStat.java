package dev.uploadgateway.bench.measure;

/**
 * One line of {@code /proc/<pid>/stat}, the fields CPU accounting needs: the process's own user
 * and system time ({@code utime}, {@code stime}: fields 14 and 15, in clock ticks; its children's,
 * fields 16 and 17, are left out: nginx's master must not count its workers twice) and its start
 * time (field 22), which tells a process from a later one that was given the same pid. Field 2, the
 * command name in parentheses, may itself hold spaces and parentheses, so fields are counted from
 * the last {@code ')'} of the line.
 */
public record ProcStat(long pid, String comm, long utimeTicks, long stimeTicks, long startTicks) {

    /** Field 3 (state) is the first after the command name; utime is field 14. */
    private static final int UTIME = 14 - 3;
    private static final int STIME = 15 - 3;
    private static final int STARTTIME = 22 - 3;

    /** @throws IllegalArgumentException when the line is not a stat line */
    public static ProcStat parse(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 1 || close < open) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + line);
        }
        String[] fields = line.substring(close + 1).trim().split("\\s+");
        if (fields.length <= STARTTIME) {
            throw new IllegalArgumentException("a /proc/<pid>/stat line cut short (" + fields.length + " fields after the name): " + line);
        }
        try {
            return new ProcStat(Long.parseLong(line.substring(0, open).trim()), line.substring(open + 1, close),
                    Long.parseLong(fields[UTIME]), Long.parseLong(fields[STIME]), Long.parseLong(fields[STARTTIME]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + line, e);
        }
    }

    /** User plus system time, clock ticks. */
    public long cpuTicks() {
        return utimeTicks + stimeTicks;
    }
}

package dev.firebreak.web;

/** Seconds and shares as the analytics page writes them: {@code 1h 05m}, {@code 83%}, "–" for none. */
public final class TimeText {
    public String duration(Long seconds) {
        if (seconds == null) {
            return "–";
        }
        long s = seconds;
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m " + String.format("%02ds", s % 60);
        }
        if (s < 86400) {
            return (s / 3600) + "h " + String.format("%02dm", (s % 3600) / 60);
        }
        return (s / 86400) + "d " + String.format("%02dh", (s % 86400) / 3600);
    }

    public String share(Double share) {
        return share == null ? "–" : Math.round(share * 100) + "%";
    }
}

package org.tipsearch.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tipsearch.curation.CuratorFiles;

/**
 * The sessions a body held and when, from the curator's {@code sessions.json}: a report that names no session but
 * gives its meeting's dates is of the session held then (a dialogue held the day after a session ends shares it).
 */
record SessionCalendar(String about, List<Held> sessions) {

    /** Days after a session's last day on which a meeting still follows it (the constructive dialogue). */
    private static final int FOLLOWING_DAYS = 1;

    /** One session of a body, its first and last day (ISO dates; the last the first if not given). */
    record Held(String body, int session, String from, String to) {
        Held {
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(from, "from");
            to = to == null ? from : to;
            if (session < 1 || LocalDate.parse(to).isBefore(LocalDate.parse(from))) {
                throw new IllegalArgumentException("session " + session + " of " + body + " from " + from + " to " + to);
            }
        }

        boolean holds(LocalDate meeting) {
            return !meeting.isBefore(LocalDate.parse(from))
                    && !meeting.isAfter(LocalDate.parse(to).plusDays(FOLLOWING_DAYS));
        }
    }

    SessionCalendar {
        sessions = List.copyOf(sessions);
    }

    static SessionCalendar load() {
        return CuratorFiles.json(SessionCalendar.class, "sessions.json", SessionCalendar.class);
    }

    /** The session of the body held on the meeting's first day, or that ended the day before. */
    Optional<Integer> sessionOf(String body, LocalDate meeting) {
        if (body == null || meeting == null) {
            return Optional.empty();
        }
        return sessions.stream()
                .filter(s -> s.body().equalsIgnoreCase(body) && s.holds(meeting))
                .map(Held::session)
                .findFirst();
    }
}

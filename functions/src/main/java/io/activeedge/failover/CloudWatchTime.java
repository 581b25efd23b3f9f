package io.activeedge.failover;

import io.activeedge.errors.InvalidInputException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * The timestamps of alarm events. CloudWatch writes "2026-11-24T01:02:03.456+0000" (offset without a colon);
 * EventBridge writes "2026-11-24T01:02:03Z". Both, any fraction of a second, "+00:00" and no offset (UTC) are read.
 */
final class CloudWatchTime {
    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    private CloudWatchTime() {
    }

    static Instant parse(String field, String text) {
        try {
            TemporalAccessor parsed = FORMAT.parseBest(text.strip(), OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime at ? at.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "\"" + text + "\" is not a timestamp such as "
                    + "2026-11-24T01:02:03.456+0000");
        }
    }
}

package org.tipsearch.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Plain text and markdown, UTF-8 (a byte-order mark is dropped). */
final class PlainTextFormat implements ReportFormat {

    @Override
    public List<String> extensions() {
        return List.of(".txt", ".md");
    }

    @Override
    public String text(byte[] content, String source) throws InvalidReportException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidReportException(source + ": not UTF-8 text", e);
        }
        if (text.indexOf('\u0000') >= 0) {
            throw new InvalidReportException(source + ": binary content, not a text report");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}

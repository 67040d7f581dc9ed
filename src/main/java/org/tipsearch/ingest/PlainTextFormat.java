package org.tipsearch.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Plain text and markdown, in the encodings text extraction tools write: UTF-8 (a byte-order mark is dropped);
 * UTF-16 with its byte-order mark (Windows' "Unicode" text, PowerShell's Out-File) or without one, told by the zero
 * bytes of its ASCII letters; UTF-8 with a stray byte, which becomes U+FFFD; else Windows-1252 (Acrobat's "Save as
 * Text" and other Windows tools), rather than refused: it is the one 8-bit encoding of English text that a report
 * of the family comes in, and every byte of it but five decodes.
 */
final class PlainTextFormat implements ReportFormat {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @Override
    public List<String> extensions() {
        return List.of(".txt", ".md");
    }

    @Override
    public String text(byte[] content, String source) throws InvalidReportException {
        String text = decoded(content, source);
        if (text.indexOf('\u0000') >= 0) {
            throw new InvalidReportException(source + ": binary content, not a text report");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String decoded(byte[] content, String source) throws InvalidReportException {
        Charset utf16 = utf16(content);
        if (utf16 != null) {
            try {
                return strictly(utf16, content);
            } catch (CharacterCodingException e) {
                throw new InvalidReportException(source + ": not UTF-16 text, though it begins as UTF-16 does", e);
            }
        }
        try {
            return strictly(StandardCharsets.UTF_8, content);
        } catch (CharacterCodingException notUtf8) {
            // UTF-8 with a stray byte (a file cut short, a byte of another encoding pasted in) is still UTF-8: its
            // well-formed characters outnumber the bytes that are not, and only those become U+FFFD. Windows-1252
            // text has no well-formed multi-byte sequence, or next to none.
            String lenient = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(content)).toString();
            long bad = lenient.chars().filter(c -> c == '\uFFFD').count();
            long wellFormed = lenient.chars().filter(c -> c > 0x7F && c != '\uFFFD' && c != '\uFEFF').count();
            boolean marked = lenient.startsWith("\uFEFF"); // a UTF-8 byte-order mark says what the text is
            if (marked || wellFormed > bad) {
                return lenient;
            }
            try {
                return strictly(WINDOWS_1252, content);
            } catch (CharacterCodingException e) {
                throw new InvalidReportException(source + ": not text in UTF-8, UTF-16 or Windows-1252", e);
            }
        }
    }

    /**
     * UTF-16 by its byte-order mark, or by its zero bytes: in the first bytes of English text in UTF-16 every
     * other byte is zero (the high byte of an ASCII character), which no UTF-8 or 8-bit text has.
     */
    private static Charset utf16(byte[] content) {
        if (content.length >= 2 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE; // the decoder keeps the mark, which text() drops
        }
        if (content.length >= 2 && (content[0] & 0xFF) == 0xFE && (content[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        int pairs = Math.min(content.length / 2, 256);
        if (pairs < 8) {
            return null;
        }
        int zeroHigh = 0;
        int zeroLow = 0;
        for (int i = 0; i < pairs; i++) {
            zeroHigh += content[2 * i + 1] == 0 && content[2 * i] != 0 ? 1 : 0;
            zeroLow += content[2 * i] == 0 && content[2 * i + 1] != 0 ? 1 : 0;
        }
        if (zeroHigh >= pairs * 0.9) {
            return StandardCharsets.UTF_16LE;
        }
        return zeroLow >= pairs * 0.9 ? StandardCharsets.UTF_16BE : null;
    }

    private static String strictly(Charset charset, byte[] content) throws CharacterCodingException {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(content))
                .toString();
    }
}

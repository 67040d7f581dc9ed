package org.tipsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A text report in each encoding extraction tools write reads as the same text; bytes of none are refused. */
class PlainTextFormatTest {

    private static final String TEXT = "1. The Working Group \u201cadopted\u201d the following \u2013 \u00a7 5 \u2013 "
            + "recommendations of the Caf\u00e9 meeting:\r\n";

    private final PlainTextFormat format = new PlainTextFormat();

    private String read(byte[] bytes) throws InvalidReportException {
        return format.text(bytes, "report.txt");
    }

    @Test
    void utf8WithOrWithoutItsMark() throws Exception {
        assertEquals(TEXT, read(TEXT.getBytes(StandardCharsets.UTF_8)));
        assertEquals(TEXT, read(("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void utf16ByItsMarkOrByItsZeroBytes() throws Exception {
        assertEquals(TEXT, read(TEXT.getBytes(StandardCharsets.UTF_16))); // big-endian, with its mark
        assertEquals(TEXT, read(("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_16LE))); // PowerShell's Out-File
        assertEquals(TEXT, read(TEXT.getBytes(StandardCharsets.UTF_16LE)));
        assertEquals(TEXT, read(TEXT.getBytes(StandardCharsets.UTF_16BE)));
    }

    @Test
    void utf8WithAStrayByteKeepsItsCharacters() throws Exception {
        byte[] good = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] stray = new byte[good.length + 1];
        System.arraycopy(good, 0, stray, 0, 10);
        stray[10] = (byte) 0xA0; // a Latin-1 no-break space pasted into UTF-8
        System.arraycopy(good, 10, stray, 11, good.length - 10);
        assertEquals(TEXT.substring(0, 10) + "\uFFFD" + TEXT.substring(10), read(stray));
        byte[] whole = (TEXT + "Caf\u00e9").getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 1); // cut short inside its last character
        assertEquals(TEXT + "Caf\uFFFD", read(cut));
    }

    @Test
    void windows1252WhereTheBytesAreNoUtf8() throws Exception {
        assertEquals(TEXT, read(TEXT.getBytes(Charset.forName("windows-1252"))));
    }

    @Test
    void bytesOfNoTextAreRefusedWithTheReason() {
        var e = assertThrows(InvalidReportException.class, () -> read(new byte[] {(byte) 0x81, 0x41, (byte) 0x8d}));
        assertEquals("report.txt: not text in UTF-8, UTF-16 or Windows-1252", e.getMessage());
        var binary = assertThrows(InvalidReportException.class,
                () -> read(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0}));
        assertEquals("report.txt: binary content, not a text report", binary.getMessage());
    }
}

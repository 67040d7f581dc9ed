package org.tipsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipsearch.BundledReports;

/** A report as a web page gives the units and metadata it gives as text. */
class HtmlFormatTest {

    private final ReportReader reader = new ReportReader();

    @ParameterizedTest
    @MethodSource("org.tipsearch.ingest.SameReport#bundledReports")
    void aBundledReportAsHtmlGivesTheSameUnits(String reportId) throws Exception {
        String html = new ReportHtmlWriter().write(SameReport.bundledText(reportId));
        assertTrue(html.contains("<ol start=\"") || html.contains("<ul>"), "lists");
        SameReport.assertSame(SameReport.bundled(reportId),
                reader.read(html.getBytes(StandardCharsets.UTF_8), reportId + ".html"));
    }

    @Test
    void blocksBecomeLinesAndListsTheirLabels() throws Exception {
        String html = """
                <html><head><title>Ignored</title><style>p { color: red }</style></head>
                <body><nav><a href="/">Home</a> | <a href="/reports">Reports</a></nav>
                <script>document.write("<p>1. injected</p>")</script>
                <h1>Report on the meeting &amp; its &ldquo;outcome&rdquo;</h1>
                <div>Distr.: General<br>18&nbsp;October 2023</div>
                <h2>I. Introduction</h2>
                <ol start="3"><li>Third paragraph,<sup>2</sup> with <em>inline</em>
                  markup.</li><li value="7">Seventh paragraph:<ol type="a"><li>first item;</li><li>second item.</li></ol></li>
                <li>Eighth paragraph.</li></ol>
                <ul><li>A bullet</li></ul>
                <div><p>Nested block</p>and loose text</div>
                <table><tr><td>Cell one</td><td>Cell two</td></tr></table>
                <p><sup>2</sup> A footnote.</p>
                </body></html>
                """;
        assertEquals("""
                Report on the meeting & its “outcome”

                Distr.: General
                18 October 2023

                I. Introduction

                3. Third paragraph,² with inline markup.

                7. Seventh paragraph:

                (a) first item;

                (b) second item.

                8. Eighth paragraph.

                - A bullet

                Nested block

                and loose text

                Cell one

                Cell two

                ² A footnote.
                """, new HtmlFormat().text(html.getBytes(StandardCharsets.UTF_8), "page.html"));
    }

    @Test
    void theCharsetOfThePageIsHonoured() throws Exception {
        String html = "<html><head><meta charset=\"windows-1252\"></head><body><p>1. Türkiye’s report.</p></body></html>";
        assertEquals("1. Türkiye’s report.\n", new HtmlFormat().text(html.getBytes("windows-1252"), "legacy.htm"));
    }

    @Test
    void badPagesAreRefusedWithTheFileAndTheReason(@TempDir Path dir) throws Exception {
        var binary = assertThrows(InvalidReportException.class,
                () -> reader.read(new byte[] {'%', 'P', 'D', 'F', '-', 0, 1, 2}, "report.html"));
        assertEquals("report.html: binary content, not a web page", binary.getMessage());
        var empty = assertThrows(InvalidReportException.class, () -> reader.read(new byte[0], "empty.html"));
        assertEquals("empty.html: the file is empty", empty.getMessage());
        var blank = assertThrows(InvalidReportException.class,
                () -> reader.read("<html><body><nav>Menu</nav></body></html>".getBytes(StandardCharsets.UTF_8), "blank.htm"));
        assertEquals("blank.htm: the file holds no text", blank.getMessage());

        String odd = "Rapport (v2) – ébauche #1; 'final' [copie].html";
        Files.write(dir.resolve(odd), new byte[] {0, 0, 0});
        var e = assertThrows(InvalidReportException.class, () -> reader.read(dir.resolve(odd)));
        assertEquals(odd + ": binary content, not a web page", e.getMessage());
        Files.writeString(dir.resolve("ok.html"), new ReportHtmlWriter().write(SameReport.bundledText(BundledReports.DIALOGUE_2024)));
        assertFalse(reader.read(dir.resolve("ok.html")).units().isEmpty());
    }
}

package org.tipsearch.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.IRunElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STVerticalAlignRun;

/**
 * Reports as Word {@code .docx}: a paragraph to a line, blank lines between, as the {@code .txt} reports are.
 * Word's automatic numbering is written out as the label it shows ({@link WordNumbering}), so numbered
 * paragraphs read "18. …"; a footnote reference becomes a superscript marker and the footnote follows the
 * paragraph that cites it as "¹ text", the way the {@code .txt} reports print them.
 */
final class WordFormat implements ReportFormat {

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    /** How POI's run text shows a footnote reference. */
    private static final Pattern NOTE_REFERENCE = Pattern.compile("\\[(footnote|endnote)Ref:(-?\\d+)]");
    private static final String SUPERSCRIPT_DIGITS = Line.superscriptDigits();

    @Override
    public List<String> extensions() {
        return List.of(".docx");
    }

    @Override
    public String text(byte[] content, String source) throws InvalidReportException {
        if (startsWith(content, OLE2)) {
            throw new InvalidReportException(source + ": an old binary Word (.doc) file, not .docx; save it as .docx");
        }
        if (!startsWith(content, ZIP)) {
            throw new InvalidReportException(source + ": not a Word .docx file (a .docx is a zip archive, this is not)");
        }
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content))) {
            return new Reading(document).text();
        } catch (IOException | RuntimeException e) {
            throw new InvalidReportException(source + ": not a readable Word .docx file (" + e.getMessage() + ")", e);
        }
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** One document being read: its numbering counters and the markers of the footnotes cited so far. */
    private static final class Reading {
        private final XWPFDocument document;
        private final WordNumbering numbering;
        private final List<String> blocks = new ArrayList<>();
        /** Footnote markers in the order the text cites them, as Word numbers footnotes. */
        private final Map<String, Integer> markers = new LinkedHashMap<>();

        Reading(XWPFDocument document) {
            this.document = document;
            this.numbering = new WordNumbering(document);
        }

        String text() {
            document.getBodyElements().forEach(this::element);
            return String.join("\n\n", blocks) + "\n";
        }

        private void element(IBodyElement element) {
            if (element instanceof XWPFParagraph paragraph) {
                paragraph(paragraph);
            } else if (element instanceof XWPFTable table) {
                for (XWPFTableRow row : table.getRows()) {
                    for (XWPFTableCell cell : row.getTableCells()) {
                        cell.getBodyElements().forEach(this::element);
                    }
                }
            } else if (element instanceof XWPFSDT control) {
                add(control.getContent().getText());
            }
        }

        private void paragraph(XWPFParagraph paragraph) {
            var notes = new ArrayList<String>();
            String text = runs(paragraph, notes);
            String label = numbering.label(paragraph);
            if (label != null && !text.isBlank()) {
                text = label + " " + text;
            }
            add(text);
            for (String note : notes) {
                add(note);
            }
        }

        /** The paragraph's text; the footnotes it cites are added to {@code notes} as "¹ text". */
        private String runs(XWPFParagraph paragraph, List<String> notes) {
            var text = new StringBuilder();
            for (IRunElement element : paragraph.getIRuns()) {
                if (element instanceof XWPFRun run) {
                    String runText = run.text();
                    if (run.getVerticalAlignment() == STVerticalAlignRun.SUPERSCRIPT && runText.strip().matches("\\d+")) {
                        runText = superscript(runText.strip()); // a footnote marker typed by hand
                    }
                    text.append(references(runText, notes));
                } else if (element instanceof XWPFSDT control) {
                    text.append(control.getContent().getText());
                }
            }
            return text.toString();
        }

        /** "[footnoteRef:3]" → the footnote's marker, numbered in order of citation as Word shows it. */
        private String references(String runText, List<String> notes) {
            Matcher m = NOTE_REFERENCE.matcher(runText);
            var out = new StringBuilder();
            while (m.find()) {
                String key = m.group(1) + ":" + m.group(2);
                boolean first = !markers.containsKey(key);
                int number = markers.computeIfAbsent(key, k -> markers.size() + 1);
                String marker = superscript(String.valueOf(number));
                m.appendReplacement(out, Matcher.quoteReplacement(marker));
                if (first) {
                    String note = noteText(m.group(1), Integer.parseInt(m.group(2)));
                    if (!note.isBlank()) {
                        notes.add(marker + " " + note);
                    }
                }
            }
            m.appendTail(out);
            return out.toString();
        }

        private String noteText(String kind, int id) {
            var note = kind.equals("footnote") ? document.getFootnoteByID(id) : document.getEndnoteByID(id);
            if (note == null) {
                return "";
            }
            var text = new StringBuilder();
            for (XWPFParagraph p : note.getParagraphs()) {
                text.append(' ').append(runs(p, new ArrayList<>()));
            }
            return oneLine(text.toString());
        }

        private void add(String text) {
            String cleaned = text.replace('\t', ' ').replace('\u2011', '-').replace('\u00A0', ' ')
                    .lines().map(WordFormat::oneLine).filter(l -> !l.isEmpty())
                    .reduce((a, b) -> a + "\n" + b).orElse("");
            if (!cleaned.isEmpty()) {
                blocks.add(cleaned);
            }
        }

        private static String superscript(String digits) {
            var out = new StringBuilder();
            digits.chars().forEach(c -> out.append(SUPERSCRIPT_DIGITS.charAt(c - '0')));
            return out.toString();
        }
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\s\\u00A0]+", " ").strip();
    }
}

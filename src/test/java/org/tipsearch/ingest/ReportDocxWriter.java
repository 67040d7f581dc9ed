package org.tipsearch.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

/**
 * Writes report text as a Word document the way UN documents are written, for the tests: numbered paragraphs,
 * chapter (I.) and section (A.) headings and lettered lists by Word's automatic numbering — so the file holds
 * no "18." — with numbering restarted in an annex and for each list, bullets as a bulleted list, footnotes as
 * Word footnotes cited where the text has their marker.
 */
final class ReportDocxWriter {

    private static final Pattern LETTERED = Pattern.compile("\\(([a-z])\\)\\s+(.*)");

    private XWPFDocument document;
    private XWPFNumbering numbering;
    private BigInteger paragraphs;
    private BigInteger chapters;
    private BigInteger sections;
    private BigInteger lettered;
    private BigInteger bullets;
    /** The numbering instances in use: Word restarts a list by starting a new instance. */
    private BigInteger paragraphList;
    private BigInteger sectionList;
    private BigInteger letteredList;
    private int lastParagraph;
    private Map<String, String> footnotes;
    /** How many paragraphs Word numbers, for the tests to check the file carries no typed numbers. */
    int numberedParagraphs;

    byte[] write(String reportText) {
        ReportBlocks report = ReportBlocks.of(reportText);
        footnotes = report.footnotes();
        try (XWPFDocument doc = new XWPFDocument()) {
            document = doc;
            numbering = doc.createNumbering();
            paragraphs = list("%1.", STNumberFormat.DECIMAL);
            chapters = list("%1.", STNumberFormat.UPPER_ROMAN);
            sections = list("%1.", STNumberFormat.UPPER_LETTER);
            lettered = list("(%1)", STNumberFormat.LOWER_LETTER);
            bullets = list("•", STNumberFormat.BULLET);
            paragraphList = numbering.addNum(paragraphs);
            BigInteger bulletList = numbering.addNum(bullets);
            BigInteger chapterList = numbering.addNum(chapters);
            int chapter = 0;
            char section = '@';
            for (String line : report.paragraphs()) {
                Line classified = Line.classify(line);
                Matcher m;
                if (classified.type() == Line.Type.ANNEX_HEADING) {
                    lastParagraph = 0;
                    paragraphList = restarted(paragraphs);
                    sectionList = restarted(sections);
                    section = '@';
                    paragraph("Heading1", line, null);
                } else if (classified.type() == Line.Type.ROMAN_HEADING
                        && classified.label().equals(ListLabels.roman(chapter + 1))) {
                    chapter++;
                    section = '@';
                    sectionList = restarted(sections);
                    paragraph("Heading1", classified.text(), chapterList);
                } else if (classified.isHeading() && sectionList != null
                        && classified.label().equals(String.valueOf((char) (section + 1)))) {
                    section++;
                    paragraph("Heading2", classified.text(), sectionList);
                } else if (classified.type() == Line.Type.NUMBERED
                        && Integer.parseInt(classified.label()) == lastParagraph + 1) {
                    lastParagraph++;
                    numberedParagraphs++;
                    paragraph(null, classified.text(), paragraphList);
                } else if ((m = LETTERED.matcher(line)).matches()) {
                    if (m.group(1).equals("a")) {
                        letteredList = restarted(lettered);
                    }
                    paragraph(null, m.group(2), letteredList);
                } else if (line.startsWith("- ")) {
                    paragraph(null, line.substring(2), bulletList);
                } else {
                    paragraph(null, line, null);
                }
            }
            var out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A paragraph of the style, numbered in the list if one is given, its footnote markers made references. */
    private void paragraph(String style, String text, BigInteger list) {
        XWPFParagraph p = document.createParagraph();
        if (style != null) {
            p.setStyle(style);
        }
        if (list != null) {
            p.setNumID(list);
            p.setNumILvl(BigInteger.ZERO);
        }
        var m = Pattern.compile("[" + Line.superscriptDigits() + "]+").matcher(text);
        int from = 0;
        while (m.find()) {
            p.createRun().setText(text.substring(from, m.start()));
            XWPFFootnote note = document.createFootnote();
            note.createParagraph().createRun().setText(footnotes.get(m.group()));
            p.addFootnoteReference(note);
            from = m.end();
        }
        p.createRun().setText(text.substring(from));
    }

    /** A list definition: one level, the label's pattern and number format. */
    private BigInteger list(String labelText, STNumberFormat.Enum format) {
        CTAbstractNum definition = CTAbstractNum.Factory.newInstance();
        BigInteger id = BigInteger.valueOf(numbering.getAbstractNums().size());
        definition.setAbstractNumId(id);
        CTLvl level = definition.addNewLvl();
        level.setIlvl(BigInteger.ZERO);
        level.addNewStart().setVal(BigInteger.ONE);
        level.addNewNumFmt().setVal(format);
        level.addNewLvlText().setVal(labelText);
        return numbering.addAbstractNum(new XWPFAbstractNum(definition, numbering));
    }

    /** A new instance of the list that starts again at 1, as Word's "Restart numbering" makes it. */
    private BigInteger restarted(BigInteger abstractId) {
        BigInteger num = numbering.addNum(abstractId);
        CTNumLvl override = numbering.getNum(num).getCTNum().addNewLvlOverride();
        override.setIlvl(BigInteger.ZERO);
        override.addNewStartOverride().setVal(BigInteger.ONE);
        return num;
    }
}

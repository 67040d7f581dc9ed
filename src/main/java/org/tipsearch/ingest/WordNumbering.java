package org.tipsearch.ingest;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNum;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;

/**
 * Word's automatic numbering, counted as Word counts it, so that a paragraph Word shows as "18." reads "18." —
 * the label the parser expects, which the file itself does not hold. Paragraphs read in document order.
 */
final class WordNumbering {

    private static final int LEVELS = 9;

    private final XWPFDocument document;
    private final XWPFNumbering numbering;
    /** One counter per level for each list: a numbering instance that restarts its levels, else its abstract list. */
    private final Map<String, int[]> counters = new HashMap<>();

    WordNumbering(XWPFDocument document) {
        this.document = document;
        this.numbering = document.getNumbering();
    }

    /** The label Word shows before the paragraph ("18.", "(a)", "-" for a bullet), or null when it has none. */
    String label(XWPFParagraph paragraph) {
        CTNumPr numPr = numPr(paragraph);
        if (numbering == null || numPr == null || !numPr.isSetNumId()) {
            return null;
        }
        BigInteger numId = numPr.getNumId().getVal();
        int level = numPr.isSetIlvl() ? numPr.getIlvl().getVal().intValue() : 0;
        XWPFNum num = numbering.getNum(numId);
        if (num == null || level < 0 || level >= LEVELS) {
            return null; // numId 0 takes a paragraph out of its list
        }
        BigInteger abstractId = num.getCTNum().getAbstractNumId().getVal();
        XWPFAbstractNum abstractNum = numbering.getAbstractNum(abstractId);
        if (abstractNum == null) {
            return null;
        }
        CTLvl[] levels = levelsOf(abstractNum);
        if (levels[level] == null) {
            return null;
        }
        int[] counter = counter(num, abstractId, levels);
        counter[level] = counter[level] == Integer.MIN_VALUE ? start(levels[level]) : counter[level] + 1;
        for (int deeper = level + 1; deeper < LEVELS; deeper++) {
            counter[deeper] = Integer.MIN_VALUE;
        }
        return render(levels, level, counter);
    }

    /** The counters of the list: "restart numbering" in Word is a numbering instance with start overrides. */
    private int[] counter(XWPFNum num, BigInteger abstractId, CTLvl[] levels) {
        CTNumLvl[] overrides = num.getCTNum().getLvlOverrideArray();
        String key = overrides.length > 0 ? "num:" + num.getCTNum().getNumId() : "abstract:" + abstractId;
        return counters.computeIfAbsent(key, k -> {
            int[] fresh = new int[LEVELS];
            Arrays.fill(fresh, Integer.MIN_VALUE);
            for (CTNumLvl override : overrides) {
                int level = override.getIlvl().intValue();
                if (override.isSetStartOverride() && level >= 0 && level < LEVELS) {
                    fresh[level] = override.getStartOverride().getVal().intValue() - 1;
                }
            }
            return fresh;
        });
    }

    private static String render(CTLvl[] levels, int level, int[] counter) {
        CTLvl lvl = levels[level];
        String format = lvl.isSetNumFmt() ? lvl.getNumFmt().getVal().toString() : "decimal";
        if (format.equals("bullet")) {
            return "-"; // as the .txt reports print bullets
        }
        if (format.equals("none") || !lvl.isSetLvlText()) {
            return null;
        }
        String text = lvl.getLvlText().getVal();
        for (int k = 0; k <= level; k++) {
            if (levels[k] != null && counter[k] != Integer.MIN_VALUE) {
                String kFormat = levels[k].isSetNumFmt() ? levels[k].getNumFmt().getVal().toString() : "decimal";
                text = text.replace("%" + (k + 1), format(counter[k], kFormat));
            }
        }
        text = text.strip();
        return text.isEmpty() ? null : text;
    }

    private static String format(int n, String format) {
        return switch (format) {
            case "lowerLetter" -> ListLabels.letters(n).toLowerCase(Locale.ROOT);
            case "upperLetter" -> ListLabels.letters(n);
            case "lowerRoman" -> ListLabels.roman(n).toLowerCase(Locale.ROOT);
            case "upperRoman" -> ListLabels.roman(n);
            case "decimalZero" -> (n < 10 ? "0" : "") + n;
            default -> String.valueOf(n);
        };
    }

    private static int start(CTLvl lvl) {
        return lvl.isSetStart() ? lvl.getStart().getVal().intValue() : 1;
    }

    private static CTLvl[] levelsOf(XWPFAbstractNum abstractNum) {
        var levels = new CTLvl[LEVELS];
        for (CTLvl lvl : abstractNum.getCTAbstractNum().getLvlArray()) {
            int i = lvl.getIlvl().intValue();
            if (i >= 0 && i < LEVELS) {
                levels[i] = lvl;
            }
        }
        return levels;
    }

    /** The paragraph's own numbering, else its style's (UN templates number paragraphs by style). */
    private CTNumPr numPr(XWPFParagraph paragraph) {
        var pPr = paragraph.getCTP().getPPr();
        if (pPr != null && pPr.isSetNumPr()) {
            return pPr.getNumPr();
        }
        if (paragraph.getStyleID() == null || document.getStyles() == null) {
            return null;
        }
        XWPFStyle style = document.getStyles().getStyle(paragraph.getStyleID());
        CTPPrGeneral stylePPr = style == null ? null : style.getCTStyle().getPPr();
        return stylePPr != null && stylePPr.isSetNumPr() ? stylePPr.getNumPr() : null;
    }
}

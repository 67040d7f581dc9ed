package org.tipsearch.ingest;

/**
 * One line of a PDF page as its text layer gives it, with where it stands: enough to tell running headers,
 * paragraph breaks and footnotes apart.
 *
 * @param text     the line's text, footnote markers as superscript digits ("persons¹")
 * @param left     where the line starts, in points from the left edge
 * @param right    where it ends
 * @param baseline its baseline, in points from the top of the page
 * @param fontSize the size most of its characters are set in, in points
 * @param bold     whether most of its characters are bold
 */
record PdfLine(String text, float left, float right, float baseline, float fontSize, boolean bold) {}

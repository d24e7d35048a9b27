/**
 * Stamps every page of a PDF with whom it was given to: a line at the foot of the page and a faint diagonal
 * watermark. A copy that travels further still names its recipient. The PDF's own dates are left as they were,
 * so the same input gives the same bytes.
 */
import { degrees, PDFDocument, rgb, StandardFonts, type PDFFont } from '@cantoo/pdf-lib';

export interface Stamp {
  name: string;
  organization: string;
  grant: string;
  granted: string;
}

export async function stampPdf(bytes: Uint8Array, stamp: Stamp): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const footer = printable(
    font,
    `Provided under NDA to ${stamp.name}, ${stamp.organization} · grant ${stamp.grant} · ${stamp.granted} · do not redistribute`,
  );
  const watermark = printable(font, `${stamp.name} · ${stamp.organization}`);
  for (const page of pdf.getPages()) {
    const { width, height } = page.getSize();
    const footerSize = fit(font, footer, width - 48, 8);
    page.drawText(footer, { x: 24, y: 14, size: footerSize, font, color: rgb(0.3, 0.3, 0.3) });
    const markSize = fit(font, watermark, Math.hypot(width, height) * 0.7, 36);
    const markWidth = font.widthOfTextAtSize(watermark, markSize);
    const angle = Math.atan2(height, width);
    page.drawText(watermark, {
      x: width / 2 - (Math.cos(angle) * markWidth) / 2,
      y: height / 2 - (Math.sin(angle) * markWidth) / 2,
      size: markSize,
      font,
      color: rgb(0.55, 0.55, 0.55),
      opacity: 0.18,
      rotate: degrees((angle * 180) / Math.PI),
    });
  }
  return pdf.save({ useObjectStreams: false });
}

/** The largest size up to `size` at which `text` fits `width`. */
function fit(font: PDFFont, text: string, width: number, size: number): number {
  const natural = font.widthOfTextAtSize(text, size);
  return natural <= width ? size : Math.max(4, (size * width) / natural);
}

/**
 * The text as the standard font can print it: accents it lacks are dropped to their base letter, and any other
 * character it cannot encode becomes `?`, so a name in any script still stamps the page.
 */
function printable(font: PDFFont, text: string): string {
  const known = new Set(font.getCharacterSet());
  return [...text.normalize('NFC')]
    .map((character) => {
      if (known.has(character.codePointAt(0)!)) return character;
      const base = character.normalize('NFD').replace(/\p{M}/gu, '');
      return [...base].every((part) => known.has(part.codePointAt(0)!)) ? base : '?';
    })
    .join('');
}

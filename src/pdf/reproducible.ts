/**
 * What makes two prints of the same page differ, taken out: Chromium dates a PDF by the clock (CreationDate,
 * ModDate), and in a tagged PDF names each table heading after the browser's internal node number
 * (`/ID (node00002355)`, which a cell's `/Headers` refers to), a count that depends on what the tab did before.
 * Printed from the same build, the same policy must give the same bytes: both dates become the program's
 * evaluation date, and the node names are numbered again in the order they first appear.
 */
import { PDFDocument } from '@cantoo/pdf-lib';

export async function reproduciblePdf(bytes: Uint8Array, day: string): Promise<Uint8Array> {
  // updateMetadata: false, or the library would stamp its own name and the clock's time in their place.
  const pdf = await PDFDocument.load(renumberNodeIds(bytes), { updateMetadata: false });
  const date = new Date(`${day}T00:00:00Z`);
  pdf.setCreationDate(date);
  pdf.setModificationDate(date);
  return pdf.save();
}

/**
 * The node names, renumbered in place. Each new name has the width of the one it replaces, so every byte offset
 * in the file (its cross-reference table) stays right; the structure objects that hold them are not compressed.
 */
function renumberNodeIds(bytes: Uint8Array): Uint8Array {
  const text = Buffer.from(bytes).toString('latin1');
  const numbers = new Map<string, string>();
  const renumbered = text.replace(/\(node(\d+)\)/g, (_, digits: string) => {
    let number = numbers.get(digits);
    if (number === undefined) {
      number = String(numbers.size + 1).padStart(digits.length, '0');
      // A longer name would move every later byte: leave such a name as it is (never seen: Chromium pads to 8).
      if (number.length > digits.length) number = digits;
      numbers.set(digits, number);
    }
    return `(node${number})`;
  });
  return Buffer.from(renumbered, 'latin1');
}

/**
 * Makes a zip (an XLSX is one) the same bytes for the same content: the library that writes a workbook stamps each
 * entry with the wall clock, so two exports of one program would differ. The entries are packed again, in their
 * order, each dated the given day.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';

export function pinZipDates(zip: Uint8Array, day: string): Uint8Array {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  // A zip's times are local, without a time zone: midnight by this machine's clock is 00:00 on every machine.
  const mtime = new Date(year, month - 1, date);
  const files: Zippable = {};
  for (const [name, bytes] of Object.entries(unzipSync(zip))) {
    // Folder entries carry nothing a reader needs; a workbook names its parts by full path.
    if (!name.endsWith('/')) files[name] = [bytes, { mtime }];
  }
  return zipSync(files, { level: 6 });
}

/**
 * The mock audit's words as the auditor site's page uses them: the same helpers `trustbook audit` writes its
 * HTML workpaper with (src/fieldwork/render-workpaper.ts), so the page and the file say the same thing. Pages
 * take them from here, on the site's side of the layering.
 */
export {
  capitalized,
  countLines,
  deviationWords,
  effectivenessWords,
  evidenceLabel,
  methodNote,
  operationWords,
  personnelCohorts,
  resultLabel,
  resultTones,
  seriesLine,
} from '../fieldwork/render-workpaper.ts';

/**
 * Ordinary words a one-word name may collide with: the leak scan does not look for a one-word name that is one
 * of them, since it would be found on every page (a vendor called Box, Notion or Linear; a person called Will).
 * The list is common English words of everyday prose, the words of the sites' own headings and labels, and the
 * names of the tools the sites are built with (their scripts and feeds name them). A program adds its own with the integration's
 * `leakScan.allow` option (see docs/content-model.md); a name left out of the list is simply not looked for,
 * so the list errs towards short.
 */
const list = `
a about above access account across act action active add added address after again against agent all also
always an and any apple app application apply april are area as ask at audit august auditor auditors august
available away back backup base be because been before being below best better between black blue board book
both box bridge build business but by call can care case center change check chief clear close cloud code
come common company compass compliance contact control controls copy core could create current customer
customers daily data date day december delta design detail direct do document documents does done down drive
each early east edge employee employees end english engine even event every example fall far february field
file files find first five flow for form forward found four free friday from front full general get give
global go gold good great green grid group guide had has have he help her here high his home hope how hr i
if in index info input into is issue it its january join july june just keep key kind last later lead left
legal level life light like line linear link list live local lock long look low made mail main make manager
many march mark matter may me member might mind mint mode monday more most move much must my name need net
network new next no none north not note notion now number october of off office on once one only open or
order other our out over own page pages part pass path pay people period phone pilot place plan platform
please point policies policy portal post power press private process program public pulse quick read ready
record red report request review right risk role run safe same saturday say search second secure security
see september service set she shield should show side sign simple site slack so some south space spring
square stack start state status step still stripe summary sunday support sure system take task team tell
than that the their them then there these they thing this those three through thursday time to today top
total track trust tuesday two under unit up update updates us use user vault version very view wall want
was watch way we web wednesday week well were west what when where which while who why will with work would
year yes you your zoom
answers approved atom availability calendar categories category center checklist checklists collapse
confidentiality content coverage criteria details download error errors evidence expand export exports faq
feed filter filters finding findings footer grant grants header heat history hide integrity json menu nda
navigation overview owner owners passing failing practices previous print privacy procedure procedures
processing question questions readiness results revision risks skip subprocessor subprocessors timeline
training vendor vendors warning warnings
astro pagefind vite trustbook
`;

export const commonWords: ReadonlySet<string> = new Set(list.split(/\s+/).filter(Boolean));

// The program's documents as Astro content collections, with Trustbook's schemas.
export { collections } from 'trustbook/content';

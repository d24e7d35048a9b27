/**
 * Astro content collections over the program's documents, fed by the engine's own reading of the files
 * (src/site/content-loader.ts) rather than parsed a second time. Pages use them only to render bodies;
 * every fact they show comes from the engine's model. A program repository re-exports these collections
 * (`export { collections } from 'trustbook/content'`).
 */
import { defineCollection } from 'astro:content';
import { collectionKinds, programLoader } from './site/content-loader.ts';

export const collections = Object.fromEntries(
  [...collectionKinds.keys()].map((name) => [name, defineCollection({ loader: programLoader(name) })]),
);

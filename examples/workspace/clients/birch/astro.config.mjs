// @ts-check
import { defineConfig } from 'astro/config';
import trustbook from 'trustbook';

// Trustbook injects every page of the three sites; this folder holds only the program.
export default defineConfig({
  integrations: [trustbook()],
});

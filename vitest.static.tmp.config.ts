import { defineConfig } from 'vitest/config';
import base from './vitest.mutation.config.ts';
export default defineConfig({ test: { ...base.test, setupFiles: ['./static-setup.tmp.ts'] } });

import { describe, expect, it } from 'vitest';
import { browserEnvironment } from '../../src/pdf/chromium.ts';

describe('the environment the PDF browser is started with', () => {
  it('keeps what a browser needs to run and drops the grant secret, tokens and anything else', () => {
    const env = {
      PATH: '/usr/bin',
      HOME: '/home/ci',
      LANG: 'en_US.UTF-8',
      LC_ALL: 'C.UTF-8',
      TZ: 'UTC',
      XDG_RUNTIME_DIR: '/run/user/1000',
      FONTCONFIG_PATH: '/etc/fonts',
      TRUSTBOOK_GRANT_SECRET: 'tbs1-secret-value',
      GITHUB_TOKEN: 'ghp_token',
      AWS_SECRET_ACCESS_KEY: 'aws-secret',
      NETLIFY_AUTH_TOKEN: 'netlify',
      TRUSTBOOK_DEPLOY: '1',
      NODE_OPTIONS: '--require ./hook.js',
      UNSET: undefined,
    };
    expect(browserEnvironment(env)).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/ci',
      LANG: 'en_US.UTF-8',
      LC_ALL: 'C.UTF-8',
      TZ: 'UTC',
      XDG_RUNTIME_DIR: '/run/user/1000',
      FONTCONFIG_PATH: '/etc/fonts',
    });
  });

  it('passes a variable only when its whole name is one it needs', () => {
    expect(browserEnvironment({ PATH_SECRET: 'x', MY_PATH: 'y', HOMES: 'z' })).toEqual({});
  });
});

/**
 * How every command checks a program: the evaluation date from `--as-of` or TRUSTBOOK_AS_OF, the grant secret
 * and whether this is the deployed build from the environment. One place, so `trustbook report` and
 * `trustbook check` never judge the same program by different options.
 */
import type { CheckOptions } from '../engine/check.ts';
import { GRANT_SECRET_ENV, isDeployBuild } from '../engine/grants.ts';
import type { Io } from './io.ts';

export function checkOptions(io: Pick<Io, 'env'>, asOf?: string | undefined): CheckOptions {
  return {
    asOf,
    envAsOf: io.env.TRUSTBOOK_AS_OF,
    grantSecret: io.env[GRANT_SECRET_ENV],
    deploy: isDeployBuild(io.env),
  };
}

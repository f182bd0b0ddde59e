/** Production mode (NODE_ENV=production): keys and database roles from the environment only, nothing generated or derived. */
export function isProduction(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV === 'production';
}

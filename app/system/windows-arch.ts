/**
 * 64-bit Windows, also when this process is 32-bit under WOW64 (PROCESSOR_ARCHITEW6432 is then
 * set): reg.exe needs /reg:64 there so it is not redirected to Wow6432Node (windows-reference §12).
 */
export function is64BitWindows(env: NodeJS.ProcessEnv = process.env, arch: string = process.arch): boolean {
  return arch === 'x64' || arch === 'arm64' || Boolean(env.PROCESSOR_ARCHITEW6432);
}

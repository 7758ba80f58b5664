declare module 'web-ext' {
  const webExt: { cmd: { lint(params: Record<string, unknown>, options: Record<string, unknown>): Promise<unknown> } };
  export default webExt;
}

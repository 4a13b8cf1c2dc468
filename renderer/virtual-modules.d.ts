/** One language's messages, made from the catalogs at build time (renderer/vite.config.ts). */
declare module 'virtual:twinreg-messages/*' {
  const messages: Record<string, string>;
  export default messages;
}

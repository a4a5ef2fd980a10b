// Vite's `?url` imports (the default digits asset in entry-web.ts): the module's default export is the asset's URL.
declare module '*?url' {
  const url: string
  export default url
}

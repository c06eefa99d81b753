// Packages Grafana shares with plugins that ship no types. The host only hands their module
// objects to plugins, so it needs no more than "an object".
declare module 'prismjs' {
  const prism: Record<string, unknown>;
  export = prism;
}
declare module 'slate' {
  const slate: Record<string, unknown>;
  export = slate;
}
declare module 'slate-plain-serializer' {
  const serializer: Record<string, unknown>;
  export = serializer;
}
declare module 'slate-react' {
  const slateReact: Record<string, unknown>;
  export = slateReact;
}

declare module '@echogarden/espeak-ng-emscripten' {
  /** The Emscripten module factory; its shape is described where it is used. */
  const createModule: () => Promise<unknown>;
  export default createModule;
}

// The browser tests' entry to the shared Chromium driver and page server (also used by `npm start`).
export * from '../../scripts/demo/browser';
export { startServer, type DemoServer } from '../../scripts/demo/server';

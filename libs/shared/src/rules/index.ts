// Browser-safe: imported by the web app through the `@garage/rules` alias. Keep it free of Node code.
export * from './branch.js';
export * from './password.js';
export * from './vehicle.js';

/** Injection token for the validated start-up configuration (see env.ts). */
export const ENV = Symbol('ORLEU_ENV');

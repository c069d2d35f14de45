/**
 * Entry points, one main per job (audit, demo, demo data, benchmark, calibration study): each
 * parses arguments, builds settings and the session, calls one unit of work and maps errors to exit
 * codes.
 *
 * <p>Layer 8 of org.wsca, the top: it may import every package of common; nothing imports it.
 */
package org.wsca.jobs;

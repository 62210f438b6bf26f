/** oomspec reports module. */
package dev.oomspec.reports;

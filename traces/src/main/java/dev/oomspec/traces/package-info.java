/** oomspec traces module. */
package dev.oomspec.traces;

/** oomspec conformance module. */
package dev.oomspec.conformance;

/** oomspec spec module. */
package dev.oomspec.spec;

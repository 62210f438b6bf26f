/** oomspec reference module. */
package dev.oomspec.reference;

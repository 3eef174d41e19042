global using System.Diagnostics;
global using System.Globalization;
global using Maestro.Runtime;

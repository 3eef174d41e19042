global using Maestro.Runtime;
global using Maestro.Runtime.Concurrency;

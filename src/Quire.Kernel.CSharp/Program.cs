using Quire.Kernel.CSharp;

return await CSharpKernelProgram.RunAsync(args);
